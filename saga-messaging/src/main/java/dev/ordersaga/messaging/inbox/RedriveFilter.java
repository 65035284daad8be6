package dev.ordersaga.messaging.inbox;

import java.nio.charset.StandardCharsets;

import dev.ordersaga.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves out the records redriven for another consumer group: {@code sagactl dlq redrive}
 * sends a dead letter back to the topic every group reads, but only the group that failed
 * it (named in {@code saga-redrive-for}) should apply it again. The target is honoured
 * only on a record that also names the dead letter it came from ({@code saga-redrive-of},
 * which the redrive writes): a bare {@code saga-redrive-for} cannot make a group skip an
 * event.
 */
class RedriveFilter {

	private static final Logger log = LoggerFactory.getLogger(RedriveFilter.class);

	private final String group;

	RedriveFilter(String group) {
		this.group = group;
	}

	boolean isForThisGroup(ConsumerRecord<String, byte[]> record) {
		Header target = record.headers().lastHeader(EventHeaders.REDRIVE_FOR);
		if (target == null || this.group.equals(new String(target.value(), StandardCharsets.UTF_8))) {
			return true;
		}
		if (record.headers().lastHeader(EventHeaders.REDRIVE_OF) == null) {
			log.warn("{} names a redrive target but no dead letter it came from ({}): applied as any record",
					InboundRecord.describe(record), EventHeaders.REDRIVE_OF);
			return true;
		}
		log.debug("Skipping {}: redriven for another group", InboundRecord.describe(record));
		return false;
	}

}
