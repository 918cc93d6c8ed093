package net.paycallbacks.deploycheck;

import net.paycallbacks.common.config.Env;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which environment variables a service reads, derived from its configuration classes: every
 * {@code public static final String} constant that names a variable, plus the Kafka client
 * pass-through ({@code KAFKA_<NAME>}, decided by the services' own {@link Env}).
 */
public final class ServiceVariables {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ServiceVariables() {
    }

    /** The variable names declared as constants in the given configuration classes. */
    public static Set<String> declaredBy(Class<?>... configClasses) {
        return Arrays.stream(configClasses)
                .flatMap(type -> Arrays.stream(type.getFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                .filter(field -> field.getType() == String.class)
                .map(ServiceVariables::constant)
                .filter(value -> VARIABLE_NAME.matcher(value).matches())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** True if the services hand this variable to their Kafka clients (KAFKA_BOOTSTRAP_SERVERS included). */
    public static boolean isKafkaPassThrough(String name) {
        if (name.equals(Env.KAFKA_BOOTSTRAP_SERVERS)) {
            return true;
        }
        Properties properties = new Env(Map.of(Env.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092", name, "x")).kafkaProperties();
        return properties.size() == 2;
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
