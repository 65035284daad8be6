package dev.ordersaga.messaging.inbox;

import java.net.ConnectException;
import java.sql.SQLException;

import dev.ordersaga.messaging.inbox.FailureClassification.Outcome;
import dev.ordersaga.messaging.inbox.FailureClassification.Verdict;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import static dev.ordersaga.messaging.inbox.InboxFixtures.GROUP;
import static dev.ordersaga.messaging.inbox.InboxFixtures.orderCreated;
import static dev.ordersaga.messaging.inbox.InboxFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

class FailureClassificationTests {

	private final AttemptCounter attempts = new AttemptCounter(InboxFixtures.redisDown(), GROUP);

	private final FailureClassification classification = new FailureClassification(this.attempts, 3);

	private final ConsumerRecord<String, byte[]> record = record(orderCreated());

	@Test
	void countsEachFailureAndDeadLettersOnTheLastAttempt() {
		RuntimeException failure = new IllegalStateException("boom");

		Verdict first = this.classification.classify(this.record, failure);
		Verdict second = this.classification.classify(this.record, failure);
		Verdict third = this.classification.classify(this.record, failure);

		assertThat(first.outcome()).isEqualTo(Outcome.RETRY);
		assertThat(first.exception()).isInstanceOf(RetryableFailureException.class)
			.hasMessageContaining("attempt 1 of 3")
			.hasCause(failure);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(third.outcome()).isEqualTo(Outcome.EXHAUSTED);
		assertThat(third.outcome().deadLetters()).isTrue();
		assertThat(third.exception()).isInstanceOf(RetriesExhaustedException.class)
			.hasMessage("failed 3 times, last with java.lang.IllegalStateException: boom")
			.hasCause(failure);
	}

	@Test
	void startsCountingAgainOnceTheAttemptsAreForgotten() {
		this.classification.classify(this.record, new IllegalStateException("boom"));
		this.attempts.forget(this.record);

		assertThat(this.classification.classify(this.record, new IllegalStateException("boom")).attempt()).isEqualTo(1);
	}

	@Test
	void retriesAnUnreachableDatabaseWithoutCountingIt() {
		RuntimeException down = new CannotCreateTransactionException("no connection",
				new SQLException("refused", "08001"));

		for (int i = 0; i < 5; i++) {
			Verdict verdict = this.classification.classify(this.record, down);
			assertThat(verdict.outcome()).isEqualTo(Outcome.OUTAGE);
			assertThat(verdict.exception()).isInstanceOf(DependencyOutageException.class).hasCause(down);
		}
		assertThat(this.classification.classify(this.record, new IllegalStateException("boom")).attempt()).isEqualTo(1);
	}

	@Test
	void findsAnOutageAnywhereInTheCauses() {
		assertThat(FailureClassification
			.isOutage(new IllegalStateException("wrapped", new RuntimeException(new ConnectException("refused")))))
			.isTrue();
		assertThat(FailureClassification.isOutage(new UncategorizedSQLException("insert", "insert ...",
				new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
	}

	@Test
	void doesNotMistakeAConstraintViolationForAnOutage() {
		assertThat(FailureClassification.isOutage(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
	}

	@Test
	void deadLettersAtOnceWhatRetryingCannotMend() {
		for (RuntimeException hopeless : new RuntimeException[] { new UnreadableEventException("no price"),
				new IllegalStateException("wrapped", new ClassCastException("not a String")) }) {
			Verdict verdict = this.classification.classify(this.record, hopeless);
			assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_RETRYABLE);
			assertThat(verdict.outcome().deadLetters()).isTrue();
			assertThat(verdict.exception()).isSameAs(hopeless);
		}
		assertThat(this.classification.classify(this.record, new IllegalStateException("boom")).attempt()).isEqualTo(1);
	}

}
