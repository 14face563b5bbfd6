package org.vigil.worker.gearman;

/** The job server answered with an ERROR packet: its code and text are kept. */
public class GearmanServerException extends GearmanException {

    private final String code;
    private final String text;

    public GearmanServerException(String server, String code, String text) {
        super("gearman server " + server + " answered ERROR " + code + ": " + text);
        this.code = code;
        this.text = text;
    }

    /** The error code the server sent (for example {@code ERR_UNKNOWN_COMMAND}). */
    public String code() {
        return code;
    }

    /** The error text the server sent. */
    public String text() {
        return text;
    }
}
