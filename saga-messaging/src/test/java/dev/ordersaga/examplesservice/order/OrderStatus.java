package dev.ordersaga.examplesservice.order;

public enum OrderStatus {

	PENDING, CONFIRMED

}
