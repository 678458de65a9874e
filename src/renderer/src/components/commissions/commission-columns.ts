import type { GridColDef, GridValidRowModel } from '@mui/x-data-grid'
import { dateTime, money } from '../../format'

/** Columns every list of commission rows shares (statement lines, a promoter's commissions). */
interface CommissionRowFields {
  occurredAt: number
  orderRef: string
  baseMinor: number
  amountMinor: number
  note: string
}

export function commissionColumns<R extends GridValidRowModel & CommissionRowFields>(
  business: { currency: string; timeZone: string },
  /** Inserted after the order column (its type, its period…). */
  middle: GridColDef<R>[],
): GridColDef<R>[] {
  const amount = (field: 'baseMinor' | 'amountMinor', headerName: string): GridColDef<R> => ({
    field,
    headerName,
    width: 120,
    align: 'right',
    headerAlign: 'right',
    valueFormatter: (value: number) => money(value, business.currency),
  })
  return [
    {
      field: 'occurredAt',
      headerName: 'When',
      width: 170,
      valueFormatter: (value: number) => dateTime(value, business.timeZone),
    },
    { field: 'orderRef', headerName: 'Order', minWidth: 110, flex: 1 },
    ...middle,
    amount('baseMinor', 'Base'),
    amount('amountMinor', 'Commission'),
    { field: 'note', headerName: 'Note', minWidth: 180, flex: 1.5 },
  ]
}
