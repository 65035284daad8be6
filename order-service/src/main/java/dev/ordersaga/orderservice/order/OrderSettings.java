package dev.ordersaga.orderservice.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadline how long an order may stay undecided before it is rejected with TIMEOUT
 * @param deadlineSweepInterval how often overdue orders are looked for
 */
@ConfigurationProperties("saga.order")
record OrderSettings(@DefaultValue("30s") Duration deadline, @DefaultValue("1s") Duration deadlineSweepInterval) {
}
