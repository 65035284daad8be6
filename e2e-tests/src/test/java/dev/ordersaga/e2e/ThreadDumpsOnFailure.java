package dev.ordersaga.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When an end-to-end test fails, writes a thread dump of every running service (virtual
 * threads included) beside its log, and says where: a service that stopped answering can
 * then be read after the fact, for the next run may not repeat it.
 */
final class ThreadDumpsOnFailure implements TestWatcher {

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		List<ServiceProcess> services = RunningSaga.ifStarted().map((saga) -> saga.all).orElse(List.of());
		String test = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
		for (ServiceProcess service : services) {
			Optional<Path> dump = service.dumpThreads();
			System.out
				.println(dump.map((path) -> "Thread dump of " + service.instance() + " after " + test + ": " + path)
					.orElse("No thread dump of " + service.instance() + " after " + test));
		}
	}

}
