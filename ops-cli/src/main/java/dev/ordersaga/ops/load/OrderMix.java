package dev.ordersaga.ops.load;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which customer buys which products: the load's own SKUs {@code LOAD-1..n} and customers
 * {@code load-1..m}, taken in turn so that every product and account row gets the same
 * share of the orders.
 */
record OrderMix(int skus, int customers, int lines) {

	/** One line of an order: a unit of one product. */
	record Line(String sku, int quantity) {
	}

	/** The body of {@code POST /orders}. */
	record PlaceOrder(String customerId, List<Line> items) {
	}

	List<String> skuNames() {
		return IntStream.rangeClosed(1, this.skus).mapToObj(OrderMix::sku).toList();
	}

	List<String> customerIds() {
		return IntStream.rangeClosed(1, this.customers).mapToObj(OrderMix::customer).toList();
	}

	/** The {@code n}th order of the run (from 0): distinct SKUs, one unit each. */
	PlaceOrder order(int n) {
		List<Line> items = new ArrayList<>(this.lines);
		long first = (long) n * this.lines;
		for (int line = 0; line < this.lines; line++) {
			items.add(new Line(sku((int) ((first + line) % this.skus) + 1), 1));
		}
		return new PlaceOrder(customer(n % this.customers + 1), items);
	}

	private static String sku(int number) {
		return "LOAD-" + number;
	}

	private static String customer(int number) {
		return "load-" + number;
	}

}
