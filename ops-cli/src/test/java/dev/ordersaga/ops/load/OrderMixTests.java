package dev.ordersaga.ops.load;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderMixTests {

	@Test
	void spreadsOrdersEvenlyOverProductsAndCustomers() {
		OrderMix mix = new OrderMix(4, 3, 1);

		List<OrderMix.PlaceOrder> orders = IntStream.range(0, 12).mapToObj(mix::order).toList();

		assertThat(count(orders, (order) -> order.items().get(0).sku()))
			.isEqualTo(Map.of("LOAD-1", 3L, "LOAD-2", 3L, "LOAD-3", 3L, "LOAD-4", 3L));
		assertThat(count(orders, OrderMix.PlaceOrder::customerId))
			.isEqualTo(Map.of("load-1", 4L, "load-2", 4L, "load-3", 4L));
	}

	@Test
	void theLinesOfAnOrderAreDifferentProductsOfOneUnitEach() {
		OrderMix mix = new OrderMix(5, 1, 3);

		assertThat(mix.order(1).items()).containsExactly(new OrderMix.Line("LOAD-4", 1), new OrderMix.Line("LOAD-5", 1),
				new OrderMix.Line("LOAD-1", 1));
	}

	@Test
	void namesItsProductsAndCustomersFromOne() {
		OrderMix mix = new OrderMix(2, 3, 1);

		assertThat(mix.skuNames()).containsExactly("LOAD-1", "LOAD-2");
		assertThat(mix.customerIds()).containsExactly("load-1", "load-2", "load-3");
	}

	private static Map<String, Long> count(List<OrderMix.PlaceOrder> orders,
			Function<OrderMix.PlaceOrder, String> key) {
		return orders.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
	}

}
