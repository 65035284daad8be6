package dev.ordersaga.messaging.faults;

/** A failure the fault switch made up; handled like any other failure of a handler. */
class InjectedFaultException extends RuntimeException {

	InjectedFaultException(String message) {
		super(message);
	}

}
