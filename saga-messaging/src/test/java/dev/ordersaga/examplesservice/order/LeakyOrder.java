package dev.ordersaga.examplesservice.order;

import dev.ordersaga.messaging.kafka.ReceivedEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

/** Breaks the rule: an entity that knows the messaging module. */
@Entity
public class LeakyOrder {

	@Id
	private String id = "leaky";

	@Transient
	private @Nullable ReceivedEvent lastEvent;

	public void apply(ReceivedEvent event) {
		this.lastEvent = event;
	}

	public @Nullable ReceivedEvent lastEvent() {
		return this.lastEvent;
	}

}
