package dev.eshop.salesreport.recording;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code sales_lines}: a sold order line as recorded, with its margin. */
record RecordedLine(UUID id, UUID orderId, UUID userId, UUID productId, String productName, UUID categoryId,
                    String categoryName, int quantity, BigDecimal unitPrice, BigDecimal lineTotal, BigDecimal marginRate,
                    BigDecimal margin, Instant paidAt, Instant recordedAt) {
}
