package dev.ordersaga.analyticsservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;

/**
 * Analytics keeps counters with SQL upserts and has no entities (ADR 0003), so it starts
 * no JPA: without Hibernate's persistence unit it loads about 3,850 classes fewer, and
 * its transactions are plain JDBC ones (Boot's {@code JdbcTransactionManager}).
 */
@SpringBootApplication(exclude = { HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class })
public class AnalyticsServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnalyticsServiceApplication.class, args);
	}

}
