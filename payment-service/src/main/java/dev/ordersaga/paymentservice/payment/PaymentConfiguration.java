package dev.ordersaga.paymentservice.payment;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	/** The time payments are stamped with; tests may supply their own. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
