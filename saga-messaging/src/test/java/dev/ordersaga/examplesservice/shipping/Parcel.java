package dev.ordersaga.examplesservice.shipping;

import dev.ordersaga.examplesservice.billing.Invoice;

/** The other half of the cycle. */
public class Parcel {

	private final Invoice invoice;

	public Parcel(Invoice invoice) {
		this.invoice = invoice;
	}

	public Invoice invoice() {
		return this.invoice;
	}

}
