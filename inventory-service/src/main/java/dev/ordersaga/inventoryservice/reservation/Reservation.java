package dev.ordersaga.inventoryservice.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** The stock held for one order; at most one per order. */
@Entity
@Table(name = "reservation")
public class Reservation {

	@Id
	@Column(name = "order_id")
	private UUID orderId;

	/**
	 * Empty until the row is stored, which tells Spring Data that a new entity with its
	 * id already assigned is to be inserted, not merged (a merge reads the row first).
	 */
	@Version
	private @Nullable Long version;

	@Column(name = "customer_id", nullable = false)
	private String customerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReservationStatus status;

	@Enumerated(EnumType.STRING)
	private @Nullable RejectionReason reason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	private List<ReservedLine> lines = new ArrayList<>();

	protected Reservation() {
		this.orderId = new UUID(0, 0);
		this.customerId = "";
		this.status = ReservationStatus.RELEASED;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Reservation(UUID orderId, String customerId, ReservationStatus status, @Nullable RejectionReason reason,
			List<ReservedLine> lines, Instant now) {
		this.orderId = orderId;
		this.customerId = customerId;
		this.status = status;
		this.reason = reason;
		this.lines = new ArrayList<>(lines);
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Reservation reserved(UUID orderId, String customerId, List<ReservedLine> lines, Instant now) {
		return new Reservation(orderId, customerId, ReservationStatus.RESERVED, null, lines, now);
	}

	static Reservation rejected(UUID orderId, String customerId, RejectionReason reason, Instant now) {
		return new Reservation(orderId, customerId, ReservationStatus.REJECTED, reason, List.of(), now);
	}

	/**
	 * The order was rejected or cancelled before it reached inventory: never reserve it.
	 */
	static Reservation releasedBeforeReserved(UUID orderId, String customerId, Instant now) {
		return new Reservation(orderId, customerId, ReservationStatus.RELEASED, null, List.of(), now);
	}

	void moveTo(ReservationStatus next, Instant now) {
		this.status = next;
		this.updatedAt = now;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public String customerId() {
		return this.customerId;
	}

	public ReservationStatus status() {
		return this.status;
	}

	public @Nullable RejectionReason reason() {
		return this.reason;
	}

	public List<ReservedLine> lines() {
		return List.copyOf(this.lines);
	}

	List<PricedLine> pricedLines() {
		return this.lines.stream().map(ReservedLine::toPricedLine).toList();
	}

}
