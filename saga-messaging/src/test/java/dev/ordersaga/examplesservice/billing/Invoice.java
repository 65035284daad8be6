package dev.ordersaga.examplesservice.billing;

import dev.ordersaga.examplesservice.shipping.Parcel;

/** Half of a cycle between two feature packages. */
public class Invoice {

	public Parcel ship() {
		return new Parcel(this);
	}

}
