package dev.ordersaga.notificationservice.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A message to a customer about one outcome of their order. */
@Entity
@Table(name = "notification")
class Notification {

	@Id
	private UUID id;

	/**
	 * Empty until the row is stored, which tells Spring Data that a new entity with its
	 * id already assigned is to be inserted, not merged (a merge reads the row first).
	 */
	@Version
	private @Nullable Long version;

	@Column(name = "order_id", nullable = false)
	private UUID orderId;

	@Column(name = "customer_id", nullable = false)
	private String customerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private NotificationKind kind;

	@Column(nullable = false)
	private String message;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Notification() {
		this(new UUID(0, 0), "", NotificationKind.ORDER_CONFIRMED, "", Instant.EPOCH);
	}

	Notification(UUID orderId, String customerId, NotificationKind kind, String message, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.customerId = customerId;
		this.kind = kind;
		this.message = message;
		this.createdAt = createdAt;
	}

	public UUID id() {
		return this.id;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public String customerId() {
		return this.customerId;
	}

	public NotificationKind kind() {
		return this.kind;
	}

	public String message() {
		return this.message;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
