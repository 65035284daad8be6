package dev.ordersaga.notificationservice.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

	boolean existsByOrderIdAndKind(UUID orderId, NotificationKind kind);

	List<Notification> findByOrderIdOrderByCreatedAt(UUID orderId);

	List<Notification> findByCustomerIdOrderByCreatedAt(String customerId);

	List<Notification> findAllByOrderByCreatedAt();

}
