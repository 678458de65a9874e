import { Autocomplete, FormControlLabel, Stack, Switch, TextField } from '@mui/material'
import { Controller, useForm, type Control } from 'react-hook-form'
import type { Product } from '../../../shared/contract/products'
import { minorToDecimal, parseMoney } from '../../../shared/money'
import { useBusiness } from '../app/business-context'
import { useApiMutation, useApiQuery } from '../hooks/use-api'
import { moneyRule } from '../parse'
import { FormDialog, useServerSubmit } from './FormDialog'
import { MoneyField } from './MoneyField'

interface Values {
  sku: string
  name: string
  category: string
  brand: string
  price: string
  onSale: boolean
  inStock: boolean
}

/** A free-text field that offers the values the catalog already uses, so rules match alike. */
function FacetField({
  control,
  name,
  label,
  options,
}: {
  control: Control<Values>
  name: 'category' | 'brand'
  label: string
  options: string[]
}) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Autocomplete
          freeSolo
          fullWidth
          options={options}
          inputValue={field.value}
          onInputChange={(_event, value) => field.onChange(value)}
          renderInput={(params) => (
            <TextField
              {...params}
              label={label}
              error={Boolean(fieldState.error)}
              helperText={fieldState.error?.message ?? 'Optional'}
            />
          )}
        />
      )}
    />
  )
}

/** Adds a product to the catalog, or edits one. */
export function ProductDialog({
  product,
  onClose,
}: {
  product: Product | null
  onClose: () => void
}) {
  const business = useBusiness()
  const save = useApiMutation('products.save')
  const facets = useApiQuery('products.facets', { businessId: business.id })
  const form = useForm<Values>({
    defaultValues: {
      sku: product?.sku ?? '',
      name: product?.name ?? '',
      category: product?.category ?? '',
      brand: product?.brand ?? '',
      price: product ? minorToDecimal(product.priceMinor, business.currency) : '',
      onSale: product?.onSale ?? false,
      inStock: product?.inStock ?? true,
    },
  })
  const { register, control, formState } = form
  const submit = useServerSubmit(
    form,
    () => ({
      sku: 'sku',
      name: 'name',
      category: 'category',
      brand: 'brand',
      priceMinor: 'price',
    }),
    async (values) => {
      await save.mutateAsync({
        businessId: business.id,
        productId: product?.id,
        sku: values.sku,
        name: values.name,
        category: values.category,
        brand: values.brand,
        priceMinor: parseMoney(values.price, business.currency) ?? -1,
        onSale: values.onSale,
        inStock: values.inStock,
      })
      onClose()
    },
  )
  const switchField = (name: 'onSale' | 'inStock', label: string) => (
    <Controller
      name={name}
      control={control}
      render={({ field }) => (
        <FormControlLabel
          label={label}
          control={
            <Switch
              checked={field.value}
              onChange={(event) => field.onChange(event.target.checked)}
            />
          }
        />
      )}
    />
  )
  return (
    <FormDialog
      title={product ? `Edit ${product.sku}` : 'New product'}
      submitLabel={product ? 'Save' : 'Add product'}
      onClose={onClose}
      {...submit}
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label="SKU"
          autoFocus
          {...register('sku', { required: 'Enter a SKU.' })}
          error={Boolean(formState.errors.sku)}
          helperText={formState.errors.sku?.message ?? 'Unique; case is ignored.'}
          slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
          sx={{ width: 220, flexShrink: 0 }}
        />
        <TextField
          label="Name"
          fullWidth
          {...register('name', { required: 'Enter a name.' })}
          error={Boolean(formState.errors.name)}
          helperText={formState.errors.name?.message ?? ' '}
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <FacetField
          control={control}
          name="category"
          label="Category"
          options={facets.data?.categories ?? []}
        />
        <FacetField
          control={control}
          name="brand"
          label="Brand"
          options={facets.data?.brands ?? []}
        />
      </Stack>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start' }}>
        <MoneyField
          currency={business.currency}
          label="Price"
          {...register('price', { validate: moneyRule(business.currency, { required: true }) })}
          error={Boolean(formState.errors.price)}
          helperText={formState.errors.price?.message ?? 'The regular price, before discounts.'}
          sx={{ width: 220, flexShrink: 0 }}
        />
        <Stack direction="row" spacing={1} sx={{ pt: 0.5 }}>
          {switchField('onSale', 'On sale')}
          {switchField('inStock', 'In stock')}
        </Stack>
      </Stack>
    </FormDialog>
  )
}
