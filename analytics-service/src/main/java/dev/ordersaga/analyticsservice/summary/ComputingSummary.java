package dev.ordersaga.analyticsservice.summary;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the summary from the recorded facts, in the database. */
@Service
class ComputingSummary {

	private final JdbcTemplate jdbc;

	ComputingSummary(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public AnalyticsSummary summary() {
		Map<String, Long> byStatus = counts("select status, count(*) from order_fact group by status");
		Map<String, Long> byReason = counts(
				"select reason, count(*) from order_fact where status = 'REJECTED' group by reason");
		Map<String, BigDecimal> revenue = new TreeMap<>();
		this.jdbc.query("select currency, sum(amount) from order_fact where status = 'CONFIRMED' group by currency",
				(rs) -> {
					revenue.put(rs.getString(1), rs.getBigDecimal(2));
				});
		AnalyticsSummary.Latency latency = this.jdbc.queryForObject("""
				select count(*),
				       coalesce(percentile_cont(0.50) within group (order by ms), 0),
				       coalesce(percentile_cont(0.95) within group (order by ms), 0),
				       coalesce(percentile_cont(0.99) within group (order by ms), 0),
				       coalesce(max(ms), 0)
				from (select extract(epoch from (decided_at - created_at)) * 1000 as ms
				      from order_fact where decided_at is not null and created_at is not null) latencies
				""", (rs, row) -> new AnalyticsSummary.Latency(rs.getLong(1), round(rs.getDouble(2)),
				round(rs.getDouble(3)), round(rs.getDouble(4)), round(rs.getDouble(5))));
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new AnalyticsSummary(total, byStatus, byReason, revenue, latency);
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.query(sql, (rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private static double round(double millis) {
		return Math.round(millis * 10) / 10.0;
	}

}
