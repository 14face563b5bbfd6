package org.vigil.config.model;

/** The informational attributes the UI shows: notes, links and images. Null where unset. */
public record Links(String notes, String notesUrl, String actionUrl, String iconImage, String iconImageAlt,
                    String vrmlImage, String statusmapImage, String coords2d, String coords3d) {

    public static final Links NONE = new Links(null, null, null, null, null, null, null, null, null);
}
