package org.vigil.worker.gearman;

/** A background job's priority, each with the packet that submits it. */
public enum JobPriority {
    HIGH(PacketType.SUBMIT_JOB_HIGH_BG),
    NORMAL(PacketType.SUBMIT_JOB_BG),
    LOW(PacketType.SUBMIT_JOB_LOW_BG);

    private final PacketType submitBackground;

    JobPriority(PacketType submitBackground) {
        this.submitBackground = submitBackground;
    }

    /** The packet type that submits a background job at this priority. */
    PacketType submitBackground() {
        return submitBackground;
    }
}
