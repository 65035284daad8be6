package dev.ordersaga.messaging.test;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the spans a service under test finishes in memory, beside any other exporter:
 * import it into a service's integration test base to follow a trace. Every trace is
 * sampled in those tests ({@link SagaInfrastructure#register}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans {

	@Bean
	InMemorySpanExporter recordedSpans() {
		return InMemorySpanExporter.create();
	}

}
