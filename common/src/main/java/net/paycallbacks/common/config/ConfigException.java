package net.paycallbacks.common.config;

/** A bad or missing setting; the message names the environment variable and never its value. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
