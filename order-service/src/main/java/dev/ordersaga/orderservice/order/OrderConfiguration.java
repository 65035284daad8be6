package dev.ordersaga.orderservice.order;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderSettings.class)
@EnableScheduling
class OrderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
