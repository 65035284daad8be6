package dev.ordersaga.analyticsservice;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analytics writes its counters with SQL and starts no JPA: no persistence unit, and
 * transactions on the data source itself.
 */
class NoJpaIntegrationTests extends AnalyticsServiceIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void startsNoPersistenceUnit() {
		assertThat(this.context.getBeanNamesForType(EntityManagerFactory.class)).isEmpty();
		assertThat(this.transactions).isInstanceOf(JdbcTransactionManager.class);
	}

}
