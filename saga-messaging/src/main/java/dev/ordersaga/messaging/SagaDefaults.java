package dev.ordersaga.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code saga-defaults.properties} as the lowest-precedence property source, so that
 * every service shares one set of Kafka, database and actuator defaults while its own
 * {@code application.yml} and the environment can still override any of them.
 */
class SagaDefaults implements EnvironmentPostProcessor {

	private static final String RESOURCE = "saga-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("sagaDefaults",
						new ClassPathResource(RESOURCE, SagaDefaults.class.getClassLoader())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
