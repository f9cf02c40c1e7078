package org.orderly.server.channel;

import java.nio.file.Path;
import org.orderly.server.OrderlyProperties;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.audit.AuditStore;
import org.orderly.store.channel.QuotaLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quota ledgers and the channel service, with the ESCO files from the shared data folder when it is configured. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    /** On the audit log's DataSource: a grant and its audit entry commit in one transaction, on one connection. */
    @Bean
    QuotaLedger quotaLedger(AuditStore audit) {
        return new QuotaLedger(audit);
    }

    @Bean
    ChannelService channelService(RegimeService regime, QuotaLedger ledger, OrderlyProperties properties) {
        Path occupations =
                properties.sharedData() == null || properties.sharedData().isBlank()
                        ? null
                        : Path.of(properties.sharedData()).resolve("occupations");
        return new ChannelService(regime, ledger, occupations);
    }
}
