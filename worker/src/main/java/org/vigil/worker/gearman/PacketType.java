package org.vigil.worker.gearman;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Gearman binary packet types this package sends or reads, with their numbers from the protocol and how many
 * NUL-separated arguments each carries (the last argument is the opaque rest of the packet and may hold NULs).
 */
public enum PacketType {
    CAN_DO(1, 1),
    CANT_DO(2, 1),
    RESET_ABILITIES(3, 0),
    PRE_SLEEP(4, 0),
    NOOP(6, 0),
    SUBMIT_JOB(7, 3),
    JOB_CREATED(8, 1),
    GRAB_JOB(9, 0),
    NO_JOB(10, 0),
    JOB_ASSIGN(11, 3),
    WORK_STATUS(12, 3),
    WORK_COMPLETE(13, 2),
    WORK_FAIL(14, 1),
    ECHO_REQ(16, 1),
    ECHO_RES(17, 1),
    SUBMIT_JOB_BG(18, 3),
    ERROR(19, 2),
    SUBMIT_JOB_HIGH(21, 3),
    SET_CLIENT_ID(22, 1),
    WORK_EXCEPTION(25, 2),
    WORK_DATA(28, 2),
    WORK_WARNING(29, 2),
    GRAB_JOB_UNIQ(30, 0),
    JOB_ASSIGN_UNIQ(31, 4),
    SUBMIT_JOB_HIGH_BG(32, 3),
    SUBMIT_JOB_LOW(33, 3),
    SUBMIT_JOB_LOW_BG(34, 3);

    private static final Map<Integer, PacketType> BY_CODE = new HashMap<>();

    static {
        for (PacketType type : values()) {
            BY_CODE.put(type.code, type);
        }
    }

    private final int code;
    private final int argumentCount;

    PacketType(int code, int argumentCount) {
        this.code = code;
        this.argumentCount = argumentCount;
    }

    /** The type's number on the wire. */
    public int code() {
        return code;
    }

    /** How many arguments a packet of this type carries. */
    public int argumentCount() {
        return argumentCount;
    }

    /** The type with this number, if this package knows it. */
    public static Optional<PacketType> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
