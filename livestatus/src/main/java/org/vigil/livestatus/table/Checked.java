package org.vigil.livestatus.table;

import java.util.List;
import java.util.Map;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.model.CheckDetail;
import org.vigil.model.CheckView;

/** What hosts and services share for the columns they have in common: state, details and definition. */
interface Checked {

    Scope scope();

    CheckView status();

    CheckDetail detail();

    /** The key of its comments and downtimes in {@link EntryIndex}. */
    String key();

    /** Null when the configuration no longer has the object (its definition columns are then empty). */
    CheckSettings check();

    FlapSettings flap();

    NotificationSettings notification();

    Links links();

    int importance();

    Map<String, String> customVariables();

    /** Its contacts, contact groups expanded. */
    List<String> contacts();

    /** The macros its {@code *_expanded} columns replace ({@code $HOSTNAME$}...), name to value. */
    Map<String, String> macros();
}
