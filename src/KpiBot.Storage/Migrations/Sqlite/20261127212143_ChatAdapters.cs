using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpiBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatAdapters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "done_parts",
                table: "deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "chat_installations",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    protected_token = table.Column<string>(type: "TEXT", nullable: false),
                    bot_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    installed_by = table.Column<string>(type: "TEXT", nullable: true),
                    installed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_installations", x => new { x.platform, x.tenant });
                });

            migrationBuilder.CreateTable(
                name: "chat_users",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    locale = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    service_url = table.Column<string>(type: "TEXT", nullable: true),
                    personal_conversation_id = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    profile_changed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_seen",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    seen_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_seen", x => new { x.platform, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_users_platform_tenant_user_id",
                table: "chat_users",
                columns: new[] { "platform", "tenant", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_users_profile_changed_at",
                table: "chat_users",
                column: "profile_changed_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_seen_seen_at",
                table: "inbound_seen",
                column: "seen_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_installations");

            migrationBuilder.DropTable(
                name: "chat_users");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "inbound_seen");

            migrationBuilder.DropColumn(
                name: "done_parts",
                table: "deliveries");
        }
    }
}
