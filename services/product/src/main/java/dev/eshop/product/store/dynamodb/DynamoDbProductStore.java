package dev.eshop.product.store.dynamodb;

import dev.eshop.platform.events.Event;
import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.EventType;
import dev.eshop.platform.web.Ids;
import dev.eshop.product.catalogue.Product;
import dev.eshop.product.catalogue.ProductSearch;
import dev.eshop.product.catalogue.ProductStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The product store on DynamoDB (for AWS deployments), one item per product in {@code {prefix}products}.
 * <p>
 * No transactions are used (dynalite has none): every change is <b>one</b> conditional write of the
 * product item ({@code version = :expected}), and the event it causes is appended to the item's
 * {@code outbox} list in that same write, with {@code outbox_pending = "1"} (key of the sparse
 * {@code outbox-index}). {@link DynamoDbOutboxRelay} moves those events into the service's PostgreSQL
 * {@code outbox} (id = the event id, so a repeat inserts nothing), from where the platform relay
 * publishes them. Listing, search and facets are a full table scan filtered, sorted and paged in
 * memory with the same rules as PostgreSQL ({@link ProductSearch#matches}): fine for a catalogue of a
 * few thousand products, documented in the README.
 */
@Repository
@ConditionalOnProperty(name = "eshop.product.store", havingValue = "dynamodb")
public class DynamoDbProductStore implements ProductStore {

    static final String OUTBOX_INDEX = "outbox-index";
    static final String SKU_INDEX = "sku-index";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbProductStore(DynamoDbClient dynamo, DynamoDbProperties properties) {
        this.dynamo = dynamo;
        this.table = properties.productsTable();
        if (properties.createTables()) {
            createTable();
        }
    }

    String table() {
        return table;
    }

    private void createTable() {
        try {
            dynamo.createTable(request -> request.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sku").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("outbox_pending").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder().indexName(SKU_INDEX)
                                    .keySchema(KeySchemaElement.builder().attributeName("sku").keyType(KeyType.HASH).build())
                                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build(),
                            GlobalSecondaryIndex.builder().indexName(OUTBOX_INDEX)
                                    .keySchema(KeySchemaElement.builder().attributeName("outbox_pending").keyType(KeyType.HASH).build())
                                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
            dynamo.waiter().waitUntilTableExists(request -> request.tableName(table));
        }
        catch (ResourceInUseException exists) {
            // created before
        }
    }

    @Override
    public void insert(Product product, Event event) {
        boolean skuTaken = !dynamo.query(request -> request.tableName(table).indexName(SKU_INDEX)
                .keyConditionExpression("sku = :sku").expressionAttributeValues(Map.of(":sku", s(product.sku())))).items().isEmpty();
        if (skuTaken) {
            throw new SkuTakenException(product.sku());
        }
        Map<String, AttributeValue> item = new HashMap<>(fields(product));
        item.put("id", s(product.id().toString()));
        item.put("outbox", AttributeValue.fromL(List.of(outboxEntry(event))));
        item.put("outbox_pending", s("1"));
        item.put("outbox_seq", n(1));
        dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
    }

    @Override
    public boolean update(Product product, long expectedVersion, Event event) {
        Map<String, AttributeValue> fields = fields(product);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> field : fields.entrySet()) {
            names.put("#f" + i, field.getKey());
            values.put(":f" + i, field.getValue());
            sets.add("#f" + i + " = :f" + i);
            i++;
        }
        List<String> removes = new ArrayList<>();
        for (String optional : List.of("deleted_at", "brand_lower", "year")) {
            if (!fields.containsKey(optional)) {
                removes.add(optional.equals("year") ? "#yr" : optional);
            }
        }
        if (removes.contains("#yr")) {
            names.put("#yr", "year");
        }
        names.put("#v", "version");
        values.put(":expected", n(expectedVersion));
        if (event != null) {
            appendEvent(sets, values, event);
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(product.id()))
                    .updateExpression(expression)
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        }
        catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static void appendEvent(List<String> sets, Map<String, AttributeValue> values, Event event) {
        sets.add("outbox = list_append(if_not_exists(outbox, :none), :event)");
        sets.add("outbox_pending = :pending");
        sets.add("outbox_seq = if_not_exists(outbox_seq, :zero) + :one");
        values.put(":none", AttributeValue.fromL(List.of()));
        values.put(":event", AttributeValue.fromL(List.of(outboxEntry(event))));
        values.put(":pending", s("1"));
        values.put(":zero", n(0));
        values.put(":one", n(1));
    }

    @Override
    public Optional<Product> find(UUID id) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(product(item));
    }

    @Override
    public List<Product> findAll(Collection<UUID> ids) {
        // A handful of consistent single reads (lookup takes at most 100 ids).
        return ids.stream().distinct().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    public Page search(ProductSearch search, long offset, int limit) {
        List<Product> matching = scan().filter(search::matches).sorted(order(search.sort())).toList();
        List<Product> page = offset >= matching.size() ? List.of()
                : matching.subList((int) offset, (int) Math.min(matching.size(), offset + limit));
        return new Page(page, matching.size());
    }

    @Override
    public Facets facets(ProductSearch search) {
        ProductSearch filter = search.withoutBrandAndYear();
        List<Product> matching = scan().filter(filter::matches).toList();
        Map<String, List<Product>> byBrand = new TreeMap<>();
        matching.stream().filter(p -> p.brand() != null)
                .forEach(p -> byBrand.computeIfAbsent(p.brand().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p));
        List<BrandCount> brands = byBrand.values().stream()
                .map(products -> new BrandCount(products.stream().map(Product::brand).min(Comparator.naturalOrder()).orElseThrow(),
                        products.size()))
                .toList();
        return new Facets(brands,
                matching.stream().map(Product::price).min(Comparator.naturalOrder()).orElse(null),
                matching.stream().map(Product::price).max(Comparator.naturalOrder()).orElse(null),
                matching.stream().map(Product::year).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                matching.stream().map(Product::year).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
    }

    @Override
    public Map<UUID, Long> countByCategory(boolean includeDeleted) {
        Map<UUID, Long> counts = new HashMap<>();
        scan().filter(p -> includeDeleted || !p.deleted()).forEach(p -> counts.merge(p.categoryId(), 1L, Long::sum));
        return counts;
    }

    @Override
    public int republish(Function<Product, Event> eventOf) {
        int count = 0;
        for (Product product : scan().toList()) {
            List<String> sets = new ArrayList<>();
            Map<String, AttributeValue> values = new HashMap<>();
            appendEvent(sets, values, eventOf.apply(product));
            values.put(":expected", n(product.version()));
            try {
                dynamo.updateItem(request -> request.tableName(table).key(key(product.id()))
                        .updateExpression("SET " + String.join(", ", sets))
                        .conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(values));
                count++;
            }
            catch (ConditionalCheckFailedException changedMeanwhile) {
                // its own change wrote a newer event already
            }
        }
        return count;
    }

    private Stream<Product> scan() {
        return dynamo.scanPaginator(request -> request.tableName(table).consistentRead(true)).items().stream().map(this::product);
    }

    private static Comparator<Product> order(ProductSearch.Sort sort) {
        Comparator<Product> byId = Comparator.comparing(Product::id);
        Comparator<Product> byName = Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT));
        return switch (sort) {
            case NEWEST -> Comparator.comparing(Product::createdAt).thenComparing(byId).reversed();
            case PRICE_ASC -> Comparator.comparing(Product::price).thenComparing(byId);
            case PRICE_DESC -> Comparator.comparing(Product::price).thenComparing(byId).reversed();
            case NAME_ASC -> byName.thenComparing(byId);
            case NAME_DESC -> byName.thenComparing(byId).reversed();
        };
    }

    /** Every stored field of a product except the key and the outbox. */
    private static Map<String, AttributeValue> fields(Product p) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("sku", s(p.sku()));
        item.put("name", s(p.name()));
        item.put("description", s(p.description()));
        item.put("price", AttributeValue.fromN(p.price().toPlainString()));
        item.put("category_id", s(p.categoryId().toString()));
        item.put("attributes", s(JSON.writeValueAsString(p.attributes())));
        item.put("images", s(JSON.writeValueAsString(p.images().stream().map(DynamoDbProductStore::image).toList())));
        item.put("search_text", s(p.searchText()));
        item.put("stock", n(p.stock()));
        item.put("stock_version", n(p.stockVersion()));
        item.put("version", n(p.version()));
        item.put("created_at", s(p.createdAt().toString()));
        item.put("updated_at", s(p.updatedAt().toString()));
        if (p.deletedAt() != null) {
            item.put("deleted_at", s(p.deletedAt().toString()));
        }
        if (p.brand() != null) {
            item.put("brand_lower", s(p.brand().toLowerCase(Locale.ROOT)));
        }
        if (p.year() != null) {
            item.put("year", n(p.year()));
        }
        return item;
    }

    private Product product(Map<String, AttributeValue> item) {
        List<Product.Image> images = JSON.readValue(item.get("images").s(), LIST).stream().map(DynamoDbProductStore::image).toList();
        return new Product(UUID.fromString(item.get("id").s()), item.get("sku").s(), item.get("name").s(), item.get("description").s(),
                new BigDecimal(item.get("price").n()).setScale(2), UUID.fromString(item.get("category_id").s()),
                JSON.readValue(item.get("attributes").s(), MAP), images, Integer.parseInt(item.get("stock").n()),
                Long.parseLong(item.get("stock_version").n()), Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("created_at").s()), Instant.parse(item.get("updated_at").s()),
                item.containsKey("deleted_at") ? Instant.parse(item.get("deleted_at").s()) : null);
    }

    private static Map<String, Object> image(Product.Image image) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", image.id().toString());
        map.put("object_key", image.objectKey());
        map.put("thumbnail_key", image.thumbnailKey());
        map.put("content_type", image.contentType());
        map.put("size_bytes", image.sizeBytes());
        map.put("width", image.width());
        map.put("height", image.height());
        map.put("main", image.main());
        map.put("position", image.position());
        map.put("created_at", image.createdAt().toString());
        return map;
    }

    private static Product.Image image(Map<String, Object> map) {
        return new Product.Image(UUID.fromString((String) map.get("id")), (String) map.get("object_key"), (String) map.get("thumbnail_key"),
                (String) map.get("content_type"), ((Number) map.get("size_bytes")).intValue(), ((Number) map.get("width")).intValue(),
                ((Number) map.get("height")).intValue(), (Boolean) map.get("main"), ((Number) map.get("position")).intValue(),
                Instant.parse((String) map.get("created_at")));
    }

    /** One pending event on a product item: what the PostgreSQL outbox row will hold. */
    static AttributeValue outboxEntry(Event event) {
        EventType<?> type = EventType.of(event.getClass());
        return AttributeValue.fromM(Map.of(
                "id", s(Ids.newId().toString()),
                "topic", s(type.topic()),
                "key", s(event.subject().toString()),
                "ce_type", s(type.ceType()),
                "payload", s(EventJson.write(event)),
                "created_at", s(Instant.now().toString())));
    }

    static Map<String, AttributeValue> key(UUID id) {
        return Map.of("id", s(id.toString()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
