using Inventory;
using Xunit;

namespace Inventory.Tests;

public class StockTests
{
    [Fact]
    public void TotalValue_SumsPriceTimesQuantity()
    {
        var stock = new Stock();
        stock.Add(new Item("bolt", 0.25m, 8));
        stock.Add(new Item("nut", 0.10m, 10));

        Assert.Equal(3.00m, stock.TotalValue());
    }

    [Fact]
    public void CountOf_AddsQuantitiesOfTheNamedItem()
    {
        var stock = new Stock();
        stock.Add(new Item("bolt", 0.25m, 8));
        stock.Add(new Item("bolt", 0.25m, 2));
        stock.Add(new Item("nut", 0.10m, 10));

        Assert.Equal(10, stock.CountOf("bolt"));
    }

    [Fact]
    public void Describe_ListsOneLinePerItem()
    {
        var stock = new Stock();
        stock.Add(new Item("bolt", 0.25m, 8));

        Assert.Equal("bolt: 8" + Environment.NewLine, stock.Describe());
    }

    [Fact]
    public void WithQuantity_KeepsNameAndPrice()
    {
        var item = new Item("bolt", 0.25m, 8).WithQuantity(3);

        Assert.Equal(0.75m, item.Total);
    }
}
