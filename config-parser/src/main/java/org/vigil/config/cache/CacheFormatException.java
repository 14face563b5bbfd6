package org.vigil.config.cache;

/** The objects cache file is damaged or of another format: it is not used, and the config is loaded from its files. */
final class CacheFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CacheFormatException(String message) {
        super(message);
    }
}
