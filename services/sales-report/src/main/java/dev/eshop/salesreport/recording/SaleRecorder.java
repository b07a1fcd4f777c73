package dev.eshop.salesreport.recording;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.MalformedEventException;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.platform.web.Ids;
import dev.eshop.salesreport.SalesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sale-created} (events.md §3.8): one {@code sales_lines} row per item, with
 * margin = line_total × {@code eshop.sales.margin-rate}, rounded half-up to cents, and the rate used.
 * <p>
 * Counted once however often it comes: the platform's inbox skips a repeated {@code ce_id}, and a line
 * whose (order, product) is already recorded is left as it is ({@code ON CONFLICT DO NOTHING}), so a
 * second event for the same order (another {@code ce_id}) adds nothing either. The rollups get only the
 * lines actually inserted, in the same transaction.
 * <p>
 * The original stored 15 % of the unit price as the margin, whatever the quantity.
 */
@Component
class SaleRecorder implements EventHandler<SaleCreated> {

    static final int PRODUCT_NAME_LENGTH = 120;
    static final int CATEGORY_NAME_LENGTH = 60;

    private static final Logger log = LoggerFactory.getLogger(SaleRecorder.class);

    private final SalesLines lines;
    private final Rollups rollups;
    private final BigDecimal marginRate;

    SaleRecorder(SalesLines lines, Rollups rollups, SalesSettings settings) {
        this.lines = lines;
        this.rollups = rollups;
        this.marginRate = settings.marginRate();
    }

    /** line_total × rate, half-up to cents. */
    static BigDecimal margin(BigDecimal lineTotal, BigDecimal rate) {
        return lineTotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public void handle(IncomingEvent<SaleCreated> event) {
        SaleCreated sale = event.payload();
        Instant now = Instant.now();
        List<RecordedLine> incoming = new ArrayList<>();
        for (SaleCreated.Item item : sale.items()) {
            if (item.categoryId() == null || item.categoryName() == null) {
                throw new MalformedEventException("sale-created " + event.id() + ": items[].category_id and category_name are required");
            }
            incoming.add(new RecordedLine(Ids.newId(), sale.orderId(), sale.userId(), item.productId(),
                    fit(item.productName(), PRODUCT_NAME_LENGTH), item.categoryId(), fit(item.categoryName(), CATEGORY_NAME_LENGTH),
                    item.quantity(), item.unitPrice(), item.lineTotal(), marginRate, margin(item.lineTotal(), marginRate),
                    sale.paidAt(), now));
        }
        List<RecordedLine> before = lines.ofOrder(sale.orderId());
        List<RecordedLine> inserted = new ArrayList<>();
        for (RecordedLine line : incoming) {
            if (lines.insert(line)) {
                inserted.add(line);
            }
        }
        if (inserted.size() < incoming.size()) {
            log.info("sale-created {} for order {}: {} of its {} lines were recorded before and are left as they are",
                    event.id(), sale.orderId(), incoming.size() - inserted.size(), incoming.size());
        }
        if (!inserted.isEmpty()) {
            rollups.add(before, inserted);
        }
    }

    /** Names are stored as sent, cut to the column's length (product and category names are shorter in their own services). */
    private static String fit(String name, int length) {
        String stripped = name.strip();
        return stripped.length() <= length ? stripped : stripped.substring(0, length);
    }
}
