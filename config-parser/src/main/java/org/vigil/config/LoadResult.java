package org.vigil.config;

import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;

/**
 * What loading a configuration produced: every diagnostic, the main config (null if unreadable), and the
 * resolved model (null if the main config could not be read; present but not to be used when there are errors).
 */
public record LoadResult(Diagnostics diagnostics, MainConfig mainConfig, ObjectModel model) {

    /** True when the config can be run: it was read, and has no errors. */
    public boolean ok() {
        return model != null && !diagnostics.hasErrors();
    }
}
