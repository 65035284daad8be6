package dev.ordersaga.analyticsservice.messaging;

import dev.ordersaga.analyticsservice.AnalyticsServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * analytics-service is off the saga's path: its consumer lets the broker gather records
 * for up to 250 ms (or 1 MB) before answering a fetch, so that a batch, with its
 * transaction, Redis marks and offset commit, serves many records at a moderate rate
 * instead of one.
 */
class GatheredFetchIntegrationTests extends AnalyticsServiceIntegrationTest {

	@Autowired
	private ConsumerFactory<?, ?> consumers;

	@Test
	void theBrokerAnswersAFetchOnce1MbWaitsOr250MsHavePassed() {
		assertThat(this.consumers.getConfigurationProperties())
			.containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024)
			.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 250);
	}

}
