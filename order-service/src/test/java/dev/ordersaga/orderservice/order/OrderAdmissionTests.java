package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** When the backlog refuses new orders, without Spring or a database. */
class OrderAdmissionTests {

	private static final OrderSettings.Admission LIMITS = new OrderSettings.Admission(Duration.ofSeconds(10), 100,
			Duration.ofMillis(250), Duration.ofSeconds(1), 2);

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

	@Test
	void refusesAnOrderBeyondTheOnesBeingPlacedAtOnceUntilOneOfThemLeaves() {
		MeterRegistry meters = new SimpleMeterRegistry();
		OrderAdmission admission = admission(meters);
		admission.enter();
		admission.enter();

		OrdersOverloadedException refused = catchThrowableOfType(OrdersOverloadedException.class, admission::enter);
		assertThat(refused).hasMessage("Too many orders being placed at once (the limit is 2); try again later");
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(meters.counter("saga.orders.shed").count()).isEqualTo(1);

		admission.leave();
		assertThatNoException().isThrownBy(admission::enter);
	}

	@Test
	void screensARequestAsEnterWouldWithoutTakingAPlace() {
		MeterRegistry meters = new SimpleMeterRegistry();
		OrderAdmission admission = admission(meters);
		admission.screen(false);
		admission.screen(true);
		admission.enter();
		admission.enter();

		OrdersOverloadedException refused = catchThrowableOfType(OrdersOverloadedException.class,
				() -> admission.screen(true));
		assertThat(refused).hasMessage("Too many orders being placed at once (the limit is 2); try again later");
		assertThat(meters.counter("saga.orders.shed").count()).isEqualTo(1);

		admission.leave();
		assertThatNoException().isThrownBy(() -> admission.screen(false));
	}

	private static OrderAdmission admission(MeterRegistry meters) {
		return new OrderAdmission(new JdbcTemplate(),
				new OrderSettings(Duration.ofSeconds(30), Duration.ofSeconds(1), LIMITS, new OrderSettings.Waiting(10)),
				Clock.systemUTC(), meters);
	}

}
