package dev.ordersaga.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.ordersaga.messaging.SagaProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A service's settings as Spring Boot binds them in its pod, in Spring Boot's order: the
 * container's environment, then the service's {@code application.yml}, then
 * {@code saga-defaults.properties}, then Spring Boot's defaults.
 */
final class ServiceConfiguration {

	/** The value of a variable that comes from a Secret: only its name is known here. */
	static final String FROM_A_SECRET = "<from a secret>";

	private final Binder binder;

	private ServiceConfiguration(Binder binder) {
		this.binder = binder;
	}

	/**
	 * @param service the service's module, whose {@code application.yml} is read
	 * @param environment the container's variables; {@code null} values come from Secrets
	 */
	static ServiceConfiguration of(String service, Map<String, String> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		Map<String, Object> variables = new HashMap<>();
		environment.forEach((name, value) -> variables.put(name, (value != null) ? value : FROM_A_SECRET));
		sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				variables));
		Path applicationYml = RenderedOverlay.REPOSITORY.resolve(service).resolve("src/main/resources/application.yml");
		try {
			new YamlPropertySourceLoader().load(service, new FileSystemResource(applicationYml))
				.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + applicationYml, ex);
		}
		sources.addLast(
				new PropertiesPropertySource(PropertyCatalog.SAGA_DEFAULTS, PropertyCatalog.INSTANCE.sagaDefaults()));
		sources.addLast(
				new MapPropertySource("Spring Boot's defaults", Map.copyOf(PropertyCatalog.INSTANCE.bootDefaults())));
		return new ServiceConfiguration(new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources)));
	}

	Optional<String> value(String property) {
		return Optional.ofNullable(this.binder.bind(property, String.class).orElse(null));
	}

	Duration duration(String property) {
		return this.binder.bind(property, Duration.class)
			.orElseThrow(() -> new AssertionError("no value for " + property));
	}

	String require(String property) {
		return value(property).orElseThrow(() -> new AssertionError("no value for " + property));
	}

	int port(String property) {
		return Integer.parseInt(require(property));
	}

	SagaProperties saga() {
		return this.binder.bindOrCreate("saga", SagaProperties.class);
	}

}
