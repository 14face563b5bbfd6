package org.vigil.worker.payload;

import java.util.Objects;

/**
 * The text of a notification job as mod_gearman 5's {@code handle_notifications} writes it: {@code type=notification},
 * {@code start_time}, {@code core_time}, {@code contact}, {@code command_line}, {@code plugin_output},
 * {@code long_plugin_output}, then the blank lines every module writes. Newlines in the command line and the long
 * output are written {@code \n} (mod_gearman escapes the command line; the core keeps long output escaped so).
 *
 * @param startTime   when the notification started
 * @param coreTime    when the job was made
 * @param contact     the contact's name ({@code GLOBAL} for none)
 * @param commandLine the notification command, macros expanded
 * @param output      the object's plugin output
 * @param longOutput  the object's long plugin output, may be empty
 */
public record NotificationPayload(GmTime startTime, GmTime coreTime, String contact, String commandLine,
        String output, String longOutput) {

    public NotificationPayload {
        Objects.requireNonNull(startTime);
        Objects.requireNonNull(coreTime);
        Objects.requireNonNull(contact);
        Objects.requireNonNull(commandLine);
        Objects.requireNonNull(output);
        Objects.requireNonNull(longOutput);
    }

    /** The job's text. */
    public String encode() {
        return "type=" + JobType.NOTIFICATION.wire() + "\nstart_time=" + startTime + "\ncore_time=" + coreTime
                + "\ncontact=" + oneLine(contact) + "\ncommand_line=" + oneLine(commandLine) + "\nplugin_output="
                + oneLine(output) + "\nlong_plugin_output=" + oneLine(longOutput) + "\n\n\n";
    }

    private static String oneLine(String text) {
        return text.replace("\n", "\\n");
    }
}
