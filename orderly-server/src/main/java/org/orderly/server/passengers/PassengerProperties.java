package org.orderly.server.passengers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passenger data settings: how long a held manifest keeps its personal data before it is masked
 * ({@code orderly.passengers.mask-after-days}, default 180), how long masked records stay before deletion
 * ({@code delete-after-masking-days}, default 365), and how often the retention schedule runs
 * ({@code retention-interval-minutes}, default 60).
 */
@ConfigurationProperties("orderly.passengers")
record PassengerProperties(Integer maskAfterDays, Integer deleteAfterMaskingDays, Integer retentionIntervalMinutes) {
    PassengerProperties {
        maskAfterDays = maskAfterDays == null ? 180 : maskAfterDays;
        deleteAfterMaskingDays = deleteAfterMaskingDays == null ? 365 : deleteAfterMaskingDays;
        retentionIntervalMinutes = retentionIntervalMinutes == null ? 60 : retentionIntervalMinutes;
    }
}
