#include "hillcoach/io/csv_reader.hpp"

#include <gtest/gtest.h>

#include "support/test_data.hpp"

namespace hillcoach::io {
namespace {

using core::ErrorCode;

const core::Location k_source{.file = "activities.csv"};

TEST(CsvReaderTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
    const auto table = read_csv("id,name,note\r\n1,\"Hill, big\",\"say \"\"hi\"\"\r\nnext line\"\r\n2,plain,\r\n",
                                k_source);
    ASSERT_TRUE(table.has_value()) << table.error().message();
    ASSERT_EQ(table->rows.size(), 2U);
    EXPECT_EQ(table->rows[0][1], "Hill, big");
    EXPECT_EQ(table->rows[0][2], "say \"hi\"\r\nnext line");
    EXPECT_EQ(table->rows[1][2], "");
    EXPECT_EQ(table->row_lines[0], 2U);
    EXPECT_EQ(table->row_lines[1], 4U);  // the quoted line break moved it down one line
}

TEST(CsvReaderTest, ByteOrderMarkAndMissingFinalLineBreak) {
    const auto table = read_csv("\xEF\xBB\xBF" "a,b\n1,2", k_source);
    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(table->header[0], "a");
    ASSERT_EQ(table->rows.size(), 1U);
    EXPECT_EQ(table->rows[0][1], "2");
}

TEST(CsvReaderTest, FirstOfRepeatedColumnNamesWins) {
    const auto table = read_csv("Distance,Name,Distance\n1,a,1000\n", k_source);
    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(table->column("Distance"), 0U);
    EXPECT_EQ(table->column("Name"), 1U);
    EXPECT_FALSE(table->column("Elevation").has_value());
}

TEST(CsvReaderTest, UnterminatedQuoteNamesWhereItOpened) {
    EXPECT_ERROR(read_csv("a,b\n1,\"never closed\n2,3\n", k_source), ErrorCode::csv_malformed,
                 "activities.csv:2:3: error: quoted field is never closed");
}

TEST(CsvReaderTest, TextAfterAClosingQuote) {
    EXPECT_ERROR(read_csv("a,b\n1,\"x\"y\n", k_source), ErrorCode::csv_malformed,
                 "activities.csv:2:6: error: unexpected 'y' after the closing quote of a field");
}

TEST(CsvReaderTest, QuoteInsideAnUnquotedField) {
    EXPECT_ERROR(read_csv("a,b\n1,ab\"c\n", k_source), ErrorCode::csv_malformed,
                 "activities.csv:2:5: error: quote inside an unquoted field");
}

TEST(CsvReaderTest, RecordWithTheWrongNumberOfFields) {
    EXPECT_ERROR(read_csv("a,b,c\n1,2,3\n4,5\n", k_source), ErrorCode::csv_malformed,
                 "activities.csv:3:1: error: record has 2 fields, the header has 3");
}

TEST(CsvReaderTest, EmptyInputHasNoHeader) {
    EXPECT_ERROR(read_csv("", k_source), ErrorCode::csv_malformed, "activities.csv:1:1: error: no header line");
}

}  // namespace
}  // namespace hillcoach::io
