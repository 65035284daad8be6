package dev.ordersaga.notificationservice.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

interface NotificationRepository extends JpaRepository<Notification, UUID>, JpaSpecificationExecutor<Notification> {

	/**
	 * The notifications of these orders, in one query for a batch of events. One array
	 * parameter, planned once (ADR 0007).
	 */
	@NativeQuery("select * from notification where order_id = any(:orderIds)")
	List<Notification> findAllForOrders(UUID[] orderIds);

}
