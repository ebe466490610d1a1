using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpiBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DispatchCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_cursor",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    position_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispatch_cursor", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_cursor");
        }
    }
}
