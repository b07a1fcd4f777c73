package dev.eshop.cart.cart;

import dev.eshop.cart.CartSettings;
import dev.eshop.cart.cache.CartCache;
import dev.eshop.cart.cache.CartSnapshot;
import dev.eshop.cart.cache.ProductCopy;
import dev.eshop.cart.catalogue.Catalogue;
import dev.eshop.cart.catalogue.CatalogueRepository;
import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.ProblemException;
import dev.eshop.platform.web.problem.ProblemType;
import dev.eshop.platform.web.problem.RuleViolatedException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading and changing a customer's cart (spec/services.md §3.2).
 * <p>
 * <b>Read</b>: the Redis hash; on a miss the cart is loaded from MySQL, cached (with its marker, so an empty
 * cart is cached too) and answered. <b>Write</b>: validated and changed in MySQL in one transaction, which
 * first locks the cart's row (so changes of one cart take turns and each gets a higher version), then, after
 * the commit and still in the request, the whole cart is written to Redis; if that fails the Redis copy is
 * deleted or recorded for eviction (MySQL is the truth, so the request still succeeds). Redis down: every
 * read and write works on MySQL alone.
 */
@Service
public class CartService {

    private static final int ATTEMPTS = 3;

    /** A product in an {@code insufficient-stock} problem. */
    public record ShortProduct(UUID productId, String name, int requested, int available) {
    }

    /** A change of one cart inside its transaction; false when nothing changed (the transaction is rolled back). */
    @FunctionalInterface
    interface Change {
        boolean apply(Timestamp now);
    }

    private final CartRepository carts;
    private final CatalogueRepository products;
    private final Catalogue catalogue;
    private final CartCache cache;
    private final CartSettings settings;
    private final TransactionTemplate transaction;

    CartService(CartRepository carts, CatalogueRepository products, Catalogue catalogue, CartCache cache, CartSettings settings,
                PlatformTransactionManager transactions) {
        this.carts = carts;
        this.products = products;
        this.catalogue = catalogue;
        this.cache = cache;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Cart read(UUID userId) {
        return view(current(userId));
    }

    /** The cart as stored in MySQL (for checkout, which must not act on a cached copy). */
    public CartSnapshot committed(UUID userId) {
        return inTransaction(status -> carts.snapshotShared(userId));
    }

    Cart add(UUID userId, AddLineRequest request) {
        int quantity = request.quantity() == null ? 1 : request.quantity();
        checkQuantity(quantity);
        UUID productId = request.productId();
        return write(userId, now -> {
            // The product first (shared lock), then the cart: the order a product deletion takes them in too.
            ProductCopy product = products.findLocked(productId).filter(p -> !p.deleted())
                    .orElseThrow(() -> new NotFoundException("product", productId));
            carts.lockForChange(userId, now);
            Optional<CartSnapshot.Line> existing = carts.line(userId, productId);
            int resulting = existing.map(CartSnapshot.Line::quantity).orElse(0) + quantity;
            if (resulting > settings.maxQuantityPerLine()) {
                throw tooMany(existing.orElseThrow().quantity());
            }
            if (existing.isEmpty() && carts.lineCount(userId) >= settings.maxLines()) {
                throw new RuleViolatedException("max-lines", "Your cart can hold at most " + settings.maxLines()
                        + " different vehicles; remove one before adding another.");
            }
            if (resulting > product.stock()) {
                throw insufficientStock(product, resulting);
            }
            if (existing.isPresent()) {
                String note = request.note() == null ? existing.get().note() : blankToNull(request.note());
                carts.updateLine(userId, productId, resulting, note, now);
            }
            else {
                carts.insertLine(userId, productId, resulting, blankToNull(request.note()), now);
            }
            return true;
        });
    }

    Cart change(UUID userId, UUID productId, ChangeLineRequest request) {
        if (request.quantity() == null && request.note() == null) {
            throw new InvalidFieldsException(List.of(new FieldViolation(null, "give a quantity, a note or both")));
        }
        if (request.quantity() != null) {
            checkQuantity(request.quantity());
        }
        return write(userId, now -> {
            carts.lockForChange(userId, now);
            CartSnapshot.Line line = carts.line(userId, productId)
                    .orElseThrow(() -> new NotFoundException("Your cart has no line for product " + productId + "."));
            int quantity = request.quantity() == null ? line.quantity() : request.quantity();
            if (request.quantity() != null) {
                ProductCopy product = products.find(productId).filter(p -> !p.deleted()).orElse(null);
                int stock = product == null ? 0 : product.stock();
                if (quantity > stock) {
                    throw product == null ? insufficientStock(productId, null, quantity, 0) : insufficientStock(product, quantity);
                }
            }
            String note = request.note() == null ? line.note() : blankToNull(request.note());
            if (quantity == line.quantity() && Objects.equals(note, line.note())) {
                return false;
            }
            carts.updateLine(userId, productId, quantity, note, now);
            return true;
        });
    }

    /** Removes the product's line; a missing line is not an error. */
    Cart remove(UUID userId, UUID productId) {
        return write(userId, now -> {
            carts.lockForChange(userId, now);
            return carts.deleteLine(userId, productId) > 0;
        });
    }

    Cart clear(UUID userId) {
        return write(userId, now -> {
            carts.lockForChange(userId, now);
            return carts.deleteLines(userId) > 0;
        });
    }

    /**
     * After an order was placed: deletes the lines of the ordered products and runs {@code alsoInTransaction}
     * (storing the checkout's answer) in the same MySQL transaction, then updates Redis.
     */
    public void removeOrdered(UUID userId, Collection<UUID> productIds, Runnable alsoInTransaction) {
        change(userId, now -> {
            carts.lockForChange(userId, now);
            carts.deleteLines(userId, productIds);
            alsoInTransaction.run();
            return true;
        });
    }

    private Cart write(UUID userId, Change change) {
        return view(change(userId, change).orElseGet(() -> current(userId)));
    }

    /** Runs the change in a transaction (again after a deadlock), then writes the changed cart to Redis. */
    private Optional<CartSnapshot> change(UUID userId, Change change) {
        Optional<CartSnapshot> changed = inTransaction(status -> {
            if (!change.apply(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))) {
                status.setRollbackOnly();
                return Optional.<CartSnapshot>empty();
            }
            return Optional.of(carts.snapshot(userId));
        });
        changed.ifPresent(cache::store);
        return changed;
    }

    /** The cart from Redis, or from MySQL (and then cached). */
    private CartSnapshot current(UUID userId) {
        return cache.read(userId).orElseGet(() -> {
            CartSnapshot loaded = committed(userId);
            cache.fill(loaded);
            return loaded;
        });
    }

    private Cart view(CartSnapshot snapshot) {
        return Cart.of(snapshot, catalogue.find(snapshot.productIds()), settings.maxQuantityPerLine());
    }

    /** Runs the work in a transaction of its own, again (up to three times) when MySQL picked it as a deadlock victim. */
    private <T> T inTransaction(TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(work);
            }
            catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void checkQuantity(int quantity) {
        if (quantity < 1 || quantity > settings.maxQuantityPerLine()) {
            throw new InvalidFieldsException("quantity", "must be between 1 and " + settings.maxQuantityPerLine());
        }
    }

    private ProblemException tooMany(int inCart) {
        String message = "You can have at most " + settings.maxQuantityPerLine() + " of one vehicle; you already have " + inCart + ".";
        return new ProblemException(ProblemType.VALIDATION, message).with("errors", List.of(new FieldViolation("quantity", message)));
    }

    private static ProblemException insufficientStock(ProductCopy product, int requested) {
        return insufficientStock(product.productId(), product.name(), requested, product.stock());
    }

    private static ProblemException insufficientStock(UUID productId, String name, int requested, int available) {
        String vehicle = name == null ? "this vehicle" : name;
        String detail = available == 0 ? (name == null ? "This vehicle" : name) + " is out of stock."
                : "Only " + available + " of " + vehicle + (available == 1 ? " is" : " are") + " available.";
        return new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock", detail)
                .with("short_products", List.of(new ShortProduct(productId, name, requested, available)));
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }
}
