package dev.ordersaga.infra.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every property a saga service reads, to tell whether an environment variable sets one
 * (Spring Boot's relaxed binding: {@code SAGA_TOPICS_PARTITIONS} sets
 * {@code saga.topics.partitions}): Spring Boot's properties from the configuration
 * metadata of its jars on the class path, {@code saga.*} from {@link SagaProperties}'s
 * records, and the variables {@code saga-defaults.properties} names in placeholders. Also
 * Spring Boot's defaults, from the same metadata.
 */
final class PropertyCatalog {

	static final String SAGA_DEFAULTS = "saga-defaults.properties";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	/** Read by the JVM itself, not by Spring. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	private static final String KAFKA_PROPERTIES = "SPRING_KAFKA_PROPERTIES_";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	static final PropertyCatalog INSTANCE = new PropertyCatalog();

	private final Set<ConfigurationPropertyName> names = new HashSet<>();

	private final Set<ConfigurationPropertyName> maps = new HashSet<>();

	private final Map<String, String> bootDefaults = new LinkedHashMap<>();

	private final Properties sagaDefaults = new Properties();

	private final Set<String> placeholders;

	private final Set<String> kafkaClientSettings = Stream
		.of(AdminClientConfig.configNames(), ConsumerConfig.configNames(), ProducerConfig.configNames())
		.flatMap(Set::stream)
		.collect(Collectors.toUnmodifiableSet());

	private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

	private PropertyCatalog() {
		ClassLoader classLoader = PropertyCatalog.class.getClassLoader();
		JsonMapper json = JsonMapper.builder().build();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						add(property);
					}
				}
			}
			try (InputStream in = classLoader.getResourceAsStream(SAGA_DEFAULTS)) {
				if (in == null) {
					throw new IllegalStateException(SAGA_DEFAULTS + " is not on the class path (saga-messaging's jar)");
				}
				this.sagaDefaults.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (this.names.isEmpty()) {
			throw new IllegalStateException("no Spring Boot configuration metadata on the class path");
		}
		addRecord("saga", SagaProperties.class);
		this.placeholders = this.sagaDefaults.stringPropertyNames()
			.stream()
			.map(this.sagaDefaults::getProperty)
			.flatMap((value) -> {
				Matcher matcher = PLACEHOLDER.matcher(value);
				Set<String> found = new HashSet<>();
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
				return found.stream();
			})
			.collect(Collectors.toUnmodifiableSet());
	}

	private void add(JsonNode property) {
		String name = property.path("name").asString();
		if (!ConfigurationPropertyName.isValid(name)) {
			return;
		}
		this.names.add(ConfigurationPropertyName.of(name));
		if (property.path("type").asString("").startsWith("java.util.Map")) {
			this.maps.add(ConfigurationPropertyName.of(name));
		}
		JsonNode defaultValue = property.path("defaultValue");
		if (defaultValue.isValueNode() && !defaultValue.isNull()) {
			this.bootDefaults.put(name, defaultValue.asString());
		}
	}

	/** saga.topics.partitions, saga.topics.replication-factor, ... */
	private void addRecord(String prefix, Class<?> type) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			if (component.getType().isRecord()) {
				addRecord(name, component.getType());
			}
			else {
				this.names.add(ConfigurationPropertyName.of(name));
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Whether a service reads the variable: it sets a property by relaxed binding, or
	 * {@code saga-defaults.properties} names it, or the JVM reads it. A Kafka client
	 * setting ({@code SPRING_KAFKA_PROPERTIES_*}) must be one the Kafka clients know.
	 */
	boolean reads(String variable) {
		return this.answers.computeIfAbsent(variable, this::decide);
	}

	private boolean decide(String variable) {
		if (JVM_VARIABLES.contains(variable) || this.placeholders.contains(variable)) {
			return true;
		}
		if (variable.startsWith(KAFKA_PROPERTIES)) {
			String setting = variable.substring(KAFKA_PROPERTIES.length())
				.toLowerCase(java.util.Locale.ROOT)
				.replace('_', '.');
			return this.kafkaClientSettings.contains(setting);
		}
		Map<String, Object> single = new HashMap<>();
		single.put(variable, "set");
		ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, single));
		return this.names.stream().anyMatch((name) -> source.getConfigurationProperty(name) != null)
				|| this.maps.stream()
					.anyMatch((map) -> source.containsDescendantOf(map) == ConfigurationPropertyState.PRESENT);
	}

	/** Spring Boot's defaults, by property name, as the metadata states them. */
	Map<String, String> bootDefaults() {
		return Collections.unmodifiableMap(this.bootDefaults);
	}

	Properties sagaDefaults() {
		Properties copy = new Properties();
		copy.putAll(this.sagaDefaults);
		return copy;
	}

}
