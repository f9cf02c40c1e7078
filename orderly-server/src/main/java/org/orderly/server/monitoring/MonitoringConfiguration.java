package org.orderly.server.monitoring;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.orderly.server.OrderlyProperties;
import org.orderly.server.security.AccessRules;
import org.orderly.store.channel.QuotaLedger;
import org.orderly.store.monitoring.MonitoringSources;
import org.orderly.store.monitoring.ReportedValueStore;
import org.orderly.store.monitoring.WdiSeriesStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Self-reported values: stored in PostgreSQL; any principal acting for a party may submit its own party's values (the
 * API checks the party), anonymous callers may not. Reading them is public like every indicator.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    ReportedValueStore reportedValueStore(DataSource dataSource) {
        return new ReportedValueStore(dataSource);
    }

    @Bean
    WdiSeriesStore wdiSeriesStore(DataSource dataSource) {
        return new WdiSeriesStore(dataSource);
    }

    /** The one place the indicators and the policy lab take their inputs from, as the command line does. */
    @Bean
    MonitoringSources monitoringSources(WdiSeriesStore stored, QuotaLedger ledger, OrderlyProperties properties) {
        return new MonitoringSources(
                stored,
                ledger,
                Optional.ofNullable(properties.sharedData())
                        .filter(s -> !s.isBlank())
                        .map(Path::of));
    }

    @Bean
    @Order(5)
    AccessRules reportedValueRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/indicators/*/reported-values")
                .authenticated();
    }
}
