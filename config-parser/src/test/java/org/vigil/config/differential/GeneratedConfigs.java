package org.vigil.config.differential;

import java.util.stream.LongStream;

/** The seeds of the generated configs ({@link ConfigGenerator}) the differential tests run. */
final class GeneratedConfigs {

    private GeneratedConfigs() {
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }
}
