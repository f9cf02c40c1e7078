package org.orderly.server.channel;

import java.nio.file.Path;
import org.orderly.server.OrderlyProperties;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.audit.AuditStore;
import org.orderly.store.channel.QuotaLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quota ledgers and the channel service, with the ESCO files from the shared data folder when it is configured. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    /** On the audit log's own DataSource, so that a grant and its audit entry commit in one transaction. */
    @Bean
    QuotaLedger quotaLedger(OrderlyDatabase database, AuditStore audit) {
        return new QuotaLedger(database.dataSource(), audit);
    }

    @Bean
    ChannelService channelService(RegimeService regime, QuotaLedger ledger, OrderlyProperties properties) {
        Path occupations = properties.sharedData() == null || properties.sharedData().isBlank() ? null
                : Path.of(properties.sharedData()).resolve("occupations");
        return new ChannelService(regime, ledger, occupations);
    }
}
