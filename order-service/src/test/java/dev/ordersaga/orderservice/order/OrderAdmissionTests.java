package dev.ordersaga.orderservice.order;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the backlog refuses new orders, without Spring or a database. */
class OrderAdmissionTests {

	private static final OrderSettings.Admission LIMITS = new OrderSettings.Admission(Duration.ofSeconds(10), 100,
			Duration.ofMillis(250), Duration.ofSeconds(1));

	@Test
	void admitsWhileTheBacklogIsWithinBothLimits() {
		assertThat(OrderAdmission.refusal(new OrderAdmission.Backlog(100, Duration.ofSeconds(10)), LIMITS)).isNull();
		assertThat(OrderAdmission.refusal(OrderAdmission.Backlog.NONE, LIMITS)).isNull();
	}

	@Test
	void refusesWhenMoreOrdersThanTheLimitAreUndecided() {
		assertThat(OrderAdmission.refusal(new OrderAdmission.Backlog(101, Duration.ZERO), LIMITS))
			.isEqualTo("101 undecided, the limit is 100");
	}

	@Test
	void refusesWhenTheOldestUndecidedOrderWaitedTooLong() {
		assertThat(OrderAdmission.refusal(new OrderAdmission.Backlog(3, Duration.ofMillis(10_001)), LIMITS))
			.isEqualTo("the oldest undecided order has waited 10001 ms, the limit is 10000 ms");
	}

}
