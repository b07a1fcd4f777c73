package dev.eshop.product.category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code categories} in PostgreSQL (with either product store: the tree is small and rarely written). */
@Repository
class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Category> findAll() {
        return jdbc.sql("SELECT * FROM categories ORDER BY position, lower(name)").query(CategoryRepository::row).list();
    }

    Optional<Category> find(UUID id) {
        return jdbc.sql("SELECT * FROM categories WHERE id = ?").param(id).query(CategoryRepository::row).optional();
    }

    Optional<Category> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM categories WHERE slug = ?").param(slug).query(CategoryRepository::row).optional();
    }

    boolean hasChildren(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE parent_id = ?)").param(id).query(Boolean.class).single();
    }

    void insert(Category category) {
        jdbc.sql("INSERT INTO categories (id, name, slug, parent_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(category.id(), category.name(), category.slug(), category.parentId(), category.position(),
                        Timestamp.from(category.createdAt()), Timestamp.from(category.updatedAt()))
                .update();
    }

    void update(Category category) {
        jdbc.sql("UPDATE categories SET name = ?, slug = ?, parent_id = ?, position = ?, updated_at = ? WHERE id = ?")
                .params(category.name(), category.slug(), category.parentId(), category.position(),
                        Timestamp.from(category.updatedAt()), category.id())
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM categories WHERE id = ?").param(id).update();
    }

    private static Category row(ResultSet rs, int n) throws SQLException {
        return new Category(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                rs.getObject("parent_id", UUID.class), rs.getInt("position"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
