package dev.ordersaga.inventoryservice.reservation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReservationConfiguration {

	/** The time reservations are stamped with; tests may supply their own. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
